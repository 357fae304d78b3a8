/**
 * Office's display language ("zh-CN", "en-US", …) once Office is ready, or
 * undefined outside Office (the browser preview, Node).
 */
export async function officeDisplayLanguage(): Promise<string | undefined> {
  if (typeof Office === "undefined") return undefined;
  await Office.onReady();
  return Office.context?.displayLanguage;
}
