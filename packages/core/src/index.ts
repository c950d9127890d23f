export * from "./schemas/index";
export * from "./url/index";
