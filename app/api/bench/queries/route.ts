export { benchQueryCountRoute as GET } from "@/lib/db/routes";
