// Folders that never hold files Containment should read on its own (dependencies, VCS data, build
// output): the CLI's folder walk and the language server's workspace scan both skip them (I/O layer).

export const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.e2e', '.venv', 'vendor']);
