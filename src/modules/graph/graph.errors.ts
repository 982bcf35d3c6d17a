import { defineError } from '../../shared/errors.ts';

export const linkNotFound = defineError({
  code: 'graph.link_not_found',
  status: 404,
  title: 'No such link',
});
export const linkNotYours = defineError({
  code: 'graph.link_not_yours',
  status: 403,
  title: "Only the link's author or a supervisor of the owning agency may delete it",
});
export const linkToItself = defineError({
  code: 'graph.link_to_itself',
  status: 422,
  title: 'A link needs two different ends',
});
