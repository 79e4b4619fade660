// Preloaded into a measured process (node --import): on exit, writes its CPU time and peak
// memory as JSON to the file named by PUBLIPOSTAGE_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.PUBLIPOSTAGE_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        maxRssKb: usage.maxRSS,
      }),
    );
  });
}
