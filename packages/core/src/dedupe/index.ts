export * from "./minhash";
