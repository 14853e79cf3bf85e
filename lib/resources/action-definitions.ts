// What each Admin → Resources action requires and accepts (the API's POSTs run the create actions).
import { action } from "@/lib/actions/run-action";
import { createResource, setResourceArchived } from "./create-resource";
import { createResourceType } from "./create-resource-type";
import { createResourceSchema, createResourceTypeSchema, setResourceArchivedSchema, updateResourceTypeSchema } from "./schemas";
import { updateResourceType } from "./update-resource-type";

export const resourceActions = {
  createType: action({ name: "resource_types.create", permission: "access.manage", schema: createResourceTypeSchema, handler: createResourceType }),
  updateType: action({ name: "resource_types.update", permission: "access.manage", schema: updateResourceTypeSchema, handler: updateResourceType }),
  create: action({ name: "resources.create", permission: "access.manage", schema: createResourceSchema, handler: createResource }),
  setArchived: action({ name: "resources.set_archived", permission: "access.manage", schema: setResourceArchivedSchema, handler: setResourceArchived }),
};
