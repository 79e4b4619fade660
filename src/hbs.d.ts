// templates/*.hbs are precompiled by scripts/handlebars-plugin.mjs into template functions.
declare module '*.hbs' {
  const template: (context: unknown, options?: { data?: Record<string, unknown> }) => string;
  export default template;
}
