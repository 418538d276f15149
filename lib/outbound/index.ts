export { outboundUrlProblem, plainHttpAllowedSomewhere } from "./policy";
export {
  OutboundError,
  outboundRequest,
  type OutboundFailure,
  type OutboundInit,
  type OutboundResponse,
  type Resolver,
} from "./request";
