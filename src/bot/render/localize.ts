/** Localized names and descriptions for command definitions (zh-CN and zh-TW). */
export function zh(simplified: string, traditional: string): { 'zh-CN': string; 'zh-TW': string } {
  return { 'zh-CN': simplified, 'zh-TW': traditional };
}
