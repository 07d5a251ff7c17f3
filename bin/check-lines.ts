// 行宽检查: lines stay within 120 characters (the formatter wraps code, but not strings or comments).
// Counts characters, not bytes, so a line of Chinese text is measured as it reads.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const LIMIT = 120;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.cjs', '*.mjs'])
  .toString()
  .split('\n')
  .filter((f) => f && !f.startsWith('generated/'));
const long: string[] = [];
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if ([...line].length > LIMIT) long.push(`${file}:${i + 1}: ${[...line].length} characters`);
    });
}
if (long.length) {
  console.error(long.join('\n'));
  console.error(`${long.length} lines longer than ${LIMIT} characters`);
  process.exit(1);
}
console.log(`check-lines: ${files.length} files, every line within ${LIMIT} characters`);
