// The entry of a normalizer thread: Node 20 does not carry the worker's TypeScript loader into threads, so the
// thread registers tsx itself before loading the TypeScript that does the work.
import { register } from "tsx/esm/api";

register();
await import("./normalize-thread.ts");
