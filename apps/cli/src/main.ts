#!/usr/bin/env node
import { Command } from "commander";
import { registerExtract } from "./commands/extract";
import { registerIngest } from "./commands/ingest";
import { registerReprocess } from "./commands/reprocess";
import { registerStart } from "./commands/start";

const program = new Command()
  .name("parallax")
  .description("Parallax: news intelligence, computed locally.")
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

registerStart(program);
registerIngest(program);
registerExtract(program);
registerReprocess(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`parallax: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
