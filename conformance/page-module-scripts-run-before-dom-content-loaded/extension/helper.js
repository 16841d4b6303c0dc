export const greeting = 'imported';
