/**
 * `npm start`: the embedded default. For now it serves the built-in providers; the demo
 * SP and the default suite join it as they land.
 */
process.argv.splice(2, 0, 'serve');
await import('../cli/main.ts');
