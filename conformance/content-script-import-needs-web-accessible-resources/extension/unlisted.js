export const name = 'unlisted';
