export * from "./schemas/index";
export * from "./url/index";
export * from "./search/index";
