// Module hooks: resolve "bitalloc/x.js" the way the game does (from the root of the home server's files),
// i.e. from the shipped resources, and load those .js files as ES modules.
const scriptsRoot = new URL("../../../main/resources/bitalloc/ingame/", import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith("bitalloc/")) return { url: new URL(specifier, scriptsRoot).href, shortCircuit: true };
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.startsWith(scriptsRoot.href)) return nextLoad(url, { ...context, format: "module" });
  return nextLoad(url, context);
}
