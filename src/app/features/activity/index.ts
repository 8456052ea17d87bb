/** The activity: its page (loaded lazily below `projects/:projectId/activity`) and the instance page's timeline. */
export { activityRoutes } from './activity.routes';
export { ActivityTimeline } from './components/activity-timeline/activity-timeline';
