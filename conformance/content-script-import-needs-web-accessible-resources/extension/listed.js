export const name = 'listed';
