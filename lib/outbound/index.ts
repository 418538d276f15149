export { classifyAddress, describeRange, type AddressVerdict } from "./addresses";
export { ALLOW_VARIABLE, checkUrl, outboundUrlProblem, plainHttpAllowedSomewhere } from "./policy";
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  OutboundError,
  outboundRequest,
  type OutboundFailure,
  type OutboundInit,
  type OutboundResponse,
  type Resolver,
} from "./request";
