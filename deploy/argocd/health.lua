-- Argo CD health check for servicebus.geodr.dev/ServiceBusGeoPairing and
-- servicebus.geodr.dev/ServiceBusGeoReplication (the same script for both kinds).
-- Install: the body of the argocd-cm keys
--   resource.customizations.health.servicebus.geodr.dev_ServiceBusGeoPairing
--   resource.customizations.health.servicebus.geodr.dev_ServiceBusGeoReplication
-- (see README.md beside this file). Argo CD runs it with only Lua's base, table and a reduced os
-- library (no string library), with the object in the global `obj`.
--
-- The operator keeps the kstatus conditions of the API contract (docs/api.md, "Conditions") on
-- both kinds:
--   Ready        True when the resource is as spec'd in Azure, nothing in flight, this generation
--                observed (paired; or replicating with the secondary replica in place)
--   Reconciling  True while converging (pairing, break, failover or promotion, replica changes,
--                delete, waiting on ARM)
--   Stalled      True when only a person can move it on: invalid spec, a non-retryable ARM error,
--                or FailedOver (the alias now lives on the partner; the spec must follow it)
-- and status.observedGeneration, the metadata.generation it last acted on. The kinds' extra
-- conditions (FailoverReady, PromotionReady: would a failover/promotion start now?) say nothing
-- about health and are ignored.
local hs = {}

local function condition(conditions, conditionType)
  if conditions == nil then
    return nil
  end
  for _, c in ipairs(conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function messageOf(c)
  if c.message ~= nil and c.message ~= "" then
    return c.message
  end
  if c.reason ~= nil and c.reason ~= "" then
    return c.reason
  end
  return c.type
end

local generation = nil
if obj.metadata ~= nil then
  generation = obj.metadata.generation
end
local status = obj.status

-- Not yet looked at by the operator, or the spec changed since: whatever the conditions say is
-- about an older spec.
if status == nil or status.observedGeneration == nil
    or (generation ~= nil and status.observedGeneration < generation) then
  hs.status = "Progressing"
  if generation ~= nil then
    hs.message = "waiting for the operator to observe generation " .. tostring(generation)
  else
    hs.message = "waiting for the operator to observe this object"
  end
  return hs
end

local stalled = condition(status.conditions, "Stalled")
if stalled ~= nil and stalled.status == "True" then
  hs.status = "Degraded"
  hs.message = messageOf(stalled)
  return hs
end

local ready = condition(status.conditions, "Ready")
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = messageOf(ready)
  return hs
end

local reconciling = condition(status.conditions, "Reconciling")
if reconciling ~= nil and reconciling.status == "True" then
  hs.status = "Progressing"
  hs.message = messageOf(reconciling)
  return hs
end

hs.status = "Progressing"
if ready ~= nil then
  hs.message = messageOf(ready)
else
  hs.message = "waiting for the operator to report a Ready, Reconciling or Stalled condition"
end
return hs
