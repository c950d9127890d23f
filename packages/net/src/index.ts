export {
  type AddressVerdict,
  type AllowList,
  AllowListError,
  addressVerdict,
  connectVerdict,
  EMPTY_ALLOW_LIST,
  isAddressAllowListed,
  isHostAllowListed,
  parseAllowList,
} from "./address-policy";
export { ACCEPT_ENCODING, type ReadBodyOptions, readBody } from "./body";
export { ContentEncodingError, type FetchRefusal, refusalOf, TooLargeError, UnsafeUrlError } from "./errors";
export { type FetchBytesOptions, type FetchedBytes, fetchBytes, TooManyRedirectsError } from "./fetch-bytes";
export { defaultFetchGuard, FetchGuard, type FetchGuardOptions, type ResolveHost } from "./guard";
