import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/**
 * The bot as a person starts it (`npm start` runs the same entry point), driven through its real stdin/stdout.
 * `say` types a line; `waitFor` reads until a pattern appears (a guard against hanging, not a timing assertion).
 */
export class ConsoleProcess {
  readonly child: ChildProcessWithoutNullStreams;
  private out = "";
  private read = 0;
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      // No nightly backup unless a test asks: whether one is due at start depends on the wall clock.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", SENTINEL_BACKUP: "off", ...env },
    });
    this.child.stdout.setEncoding("utf8").on("data", (d: string) => (this.out += d));
    this.child.stderr.setEncoding("utf8").on("data", (d: string) => (this.out += d));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  say(line: string): void {
    this.child.stdin.write(line + "\n");
  }

  /** Output not yet consumed by `waitFor`. */
  get pending(): string {
    return this.out.slice(this.read);
  }

  get all(): string {
    return this.out;
  }

  /** Waits until `pattern` appears in the output after the last match, and returns the text up to it. */
  async waitFor(pattern: RegExp, timeoutMs = 300_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.out.slice(this.read);
      const m = pattern.exec(rest);
      if (m) {
        this.read += m.index + m[0].length;
        return rest.slice(0, m.index + m[0].length);
      }
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`waited for ${pattern} but the console printed:\n${rest}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Types a line and waits for the bot's answer (the next prompt after it). */
  async ask(line: string, pattern: RegExp): Promise<string> {
    this.say(line);
    return this.waitFor(pattern);
  }
}
