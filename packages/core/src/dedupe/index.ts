export * from "./duplicate-index";
export * from "./minhash";
