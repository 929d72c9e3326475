// Starlight's virtual modules used by our Search override (Starlight declares them only internally).
declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore'; [key: string]: unknown };
  export default project;
}
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
