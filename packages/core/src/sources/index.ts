export { countryFromDomain, countryName, isCountryCode } from "./country";
export { genreWithOutletSections, inOpinionSection } from "./opinion";
