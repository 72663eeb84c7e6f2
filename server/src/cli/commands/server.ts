/** `termguard server --stdio`: hands over to the language server. */
import type { CommandContext } from '../cliIO';

/** Something with the language server module's entry point. */
interface ServerModule {
  startServer(transport: 'stdio'): unknown;
}

/**
 * Loads `../lsp/server` and calls its `startServer('stdio')`. The server then
 * owns the process (it keeps it alive through stdin), so this resolves to 0
 * once started; a missing or broken module prints an error and yields 2.
 */
export async function runServer(context: CommandContext, start?: (transport: 'stdio') => unknown): Promise<number> {
  try {
    if (start) {
      await start('stdio');
      return 0;
    }
    const module = (await import('../../lsp/server')) as Partial<ServerModule>;
    if (typeof module.startServer !== 'function') throw new Error('the module does not export startServer');
    await module.startServer('stdio');
    return 0;
  } catch (error) {
    context.io.stderr.write(`termguard: cannot start the language server: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
