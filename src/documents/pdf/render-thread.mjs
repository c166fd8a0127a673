// The entry of a render thread (see render-pool.ts). A worker thread does not share the loader hooks of the
// thread that started it, and Redress runs its TypeScript through tsx with no build step: so each thread
// registers tsx for itself, in its own namespace (nothing else in the thread is affected), and imports the
// task from the .ts source. Piscina calls the default export once per task.
import { register } from 'tsx/esm/api';

const tsx = register({ namespace: 'redress-render-thread' });
const task = await tsx.import('./render-task.ts', import.meta.url);

export default task.renderTask;
export const renderReportTask = task.renderReportTask;
