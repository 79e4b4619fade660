// templates/{fr,en}/*.txt are bundled as strings (esbuild's text loader, scripts/text-plugin.mjs).
declare module '*.txt' {
  const text: string;
  export default text;
}
