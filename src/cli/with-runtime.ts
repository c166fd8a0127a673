/** Runs a CLI command's work with the runtime open, turning expected failures into one-line messages. */
import { AppError } from '../app/errors.ts';
import { CliError, EXIT } from './output.ts';
import { openRuntime, type Runtime } from './runtime.ts';

export async function withRuntime<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  // Logs go to stderr so that stdout carries only the command's answer (a token, a report).
  const runtime = await openRuntime({ logToStderr: true });
  try {
    return await fn(runtime);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message, EXIT.usage);
    throw error;
  } finally {
    await runtime.close();
  }
}
