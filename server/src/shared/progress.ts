/** A plain-text progress bar for long CLI operations (redrawn in place on a TTY, line per 10% otherwise). */
export function progressBar(label: string, total: number, out: NodeJS.WriteStream = process.stderr) {
  const start = Date.now();
  let lastPct = -1;
  return {
    update(done: number) {
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (pct === lastPct) return;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% (${done}/${total})`;
      if (out.isTTY) out.write(`\r${line}`);
      else if (pct % 10 === 0 || pct === 100) out.write(`${line}\n`);
      lastPct = pct;
    },
    done() {
      const secs = ((Date.now() - start) / 1000).toFixed(1);
      out.write(`${out.isTTY ? '\n' : ''}${label}：完成，用时 ${secs} 秒\n`);
    },
  };
}
