// The query of a `GET` list route: the core's pageQuery plus the route's own filters.
export { listQuery } from '@workbench/plugin-api';
