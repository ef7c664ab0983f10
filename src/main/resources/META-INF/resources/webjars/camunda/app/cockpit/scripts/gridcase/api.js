/*
 * The application's REST API (/api, next to /camunda on the same server). Cockpit's session cookie
 * signs the reads in, so nothing here handles credentials.
 */
const API = '/api';

/** GET as JSON; null for 404 (e.g. a grading not computed yet); an Error with a Chinese message otherwise. */
export async function getJson(path) {
  const response = await fetch(API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 404) {
    return null;
  }
  if (response.status === 401 || response.status === 403) {
    throw new Error('无权查看督查数据（仅督查员和管理员）');
  }
  if (!response.ok) {
    throw new Error(`数据加载失败（HTTP ${response.status}）`);
  }
  return response.json();
}
