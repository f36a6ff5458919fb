#!/usr/bin/env node
// The `gongkai` command: runs the TypeScript CLI through tsx (DEVELOPERS.md: run TS with tsx).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
