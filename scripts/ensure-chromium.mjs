// Browser tests drive Debian's Chromium (never a downloaded browser build). If it is missing we
// install it when we can (root with apt-get, as on the CI machine) and otherwise stop with a clear
// message naming the missing piece. Never a silent skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.error(
      `Chromium not found at ${CHROMIUM_PATH}: installing Debian's chromium package (apt-get install -y chromium)...`,
    );
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], {
            stdio: 'inherit',
            env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
          })
        : update;
    if (install.status === 0 && existsSync(CHROMIUM_PATH)) return;
  }
  console.error(
    `\nMissing piece: Chromium at ${CHROMIUM_PATH} (the browser tests need it).\n` +
      `Install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.\n`,
  );
  process.exit(1);
}
