export * from "./accounts";
export { hashPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, verifyPassword } from "./password";
export { API_TOKEN_PREFIX, looksLikeApiToken, newSessionToken, sha256, tokenPrefix } from "./secrets";
export * from "./viewer";
