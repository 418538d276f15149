import { apiHandlers } from "@/lib/api/v1/router";

export const { GET, POST, PATCH, DELETE } = apiHandlers;
