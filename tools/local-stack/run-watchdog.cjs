// Watches a test run for its owner (tools/local-stack/src/test-run.ts). Started by the owner
// outside its own process tree, it outlives a run that is killed outright (Nx ends an
// interrupted task's whole tree with SIGTERM and SIGKILL, too soon for the run's own signal
// handlers): once the owner is gone it stops the run's Postgres servers and every process
// started with the run folder as TMPDIR, then deletes the folder. It ends when the folder is
// gone (the owner cleaned up itself). Plain Node, no dependencies: it runs without a build.
'use strict';
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [ownerPid, ownerStart, folder] = process.argv.slice(2);

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}
const alive = (pid) => {
  const fields = stat(pid);
  return !!fields && fields[0] !== 'Z' && fields[0] !== 'X';
};
const ownerAlive = () => alive(ownerPid) && (!ownerStart || stat(ownerPid)?.[19] === ownerStart);
const kill = (pid, signal) => {
  try {
    process.kill(pid, signal);
  } catch {
    // gone
  }
};
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function dataFolders(dir, depth = 3) {
  if (existsSync(join(dir, 'PG_VERSION'))) return [dir];
  if (depth === 0) return [];
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.isSymbolicLink())
      .flatMap((entry) => dataFolders(join(dir, entry.name), depth - 1));
  } catch {
    return [];
  }
}

function cleanUp() {
  for (const dataDir of dataFolders(folder)) {
    let pid;
    try {
      pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      continue;
    }
    if (!pid || !alive(pid)) continue;
    kill(pid, 'SIGINT');
    for (let i = 0; i < 40 && alive(pid); i++) sleep(50);
    if (alive(pid)) kill(pid, 'SIGQUIT');
    for (let i = 0; i < 40 && alive(pid); i++) sleep(50);
    if (alive(pid)) kill(pid, 'SIGKILL');
  }
  const marker = `TMPDIR=${folder}`;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker)) {
        kill(pid, 'SIGKILL');
      }
    } catch {
      // gone, or not ours to read
    }
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmSync(folder, { recursive: true, force: true });
      return;
    } catch {
      sleep(50);
    }
  }
}

try {
  writeFileSync(join(folder, 'watchdog.pid'), `${process.pid}\n`);
} catch {
  process.exit(0);
}
const timer = setInterval(() => {
  if (!existsSync(folder)) {
    clearInterval(timer);
    return;
  }
  if (ownerAlive()) return;
  clearInterval(timer);
  cleanUp();
}, 250);
