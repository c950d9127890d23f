/** Where the reading view keeps whether its marks are shown: "off", or anything else for on. */
export const HIGHLIGHTS_KEY = "parallax.highlights";

/**
 * Runs before first paint (inlined by the root layout) so a reader who turned highlights off does not see them
 * flash on while the page hydrates. A constant: nothing from a request or an article ever goes into it.
 */
export const highlightsBootScript = `try{if(localStorage.getItem(${JSON.stringify(HIGHLIGHTS_KEY)})==="off")document.documentElement.dataset.highlights="off"}catch(e){}`;
