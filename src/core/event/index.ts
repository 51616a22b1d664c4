// Events, formulas, points on the course, their GPX, roadbook and project file: one import for the app.
export * from './model';
export * from './events';
export * from './formulas';
export * from './route-ops';
export * from './locate';
export * from './course-points';
export * from './stats';
export * from './clock';
export * from './cutoffs';
export * from './roadbook';
export * from './templates';
export * from './simplify';
export * from './filename';
export * from './geometry';
export * from './gpx';
export * from './zip';
export * from './project';
