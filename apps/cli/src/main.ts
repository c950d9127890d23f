#!/usr/bin/env node
import { Command } from "commander";
import { registerAdmin } from "./commands/admin";
import { registerBrief } from "./commands/brief";
import { registerCluster } from "./commands/cluster";
import { registerCompare } from "./commands/compare";
import { registerEnrich } from "./commands/enrich";
import { registerExtract } from "./commands/extract";
import { registerFeeds } from "./commands/feeds";
import { registerIngest } from "./commands/ingest";
import { registerReenrich } from "./commands/reenrich";
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
registerEnrich(program);
registerReprocess(program);
registerReenrich(program);
registerCluster(program);
registerCompare(program);
registerBrief(program);
registerFeeds(program);
registerAdmin(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`parallax: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
