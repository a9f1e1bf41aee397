#!/bin/sh
# One-shot (temporalio/admin-tools): registers the namespace the rll workers use, once the
# frontend answers. The plain server image creates no namespace by itself.
set -eu
. /scripts/retry.sh
namespace="${RLL_TEMPORAL_NAMESPACE:-default}"

retry "Temporal at $TEMPORAL_ADDRESS" temporal operator cluster health --address "$TEMPORAL_ADDRESS"

if temporal operator namespace describe --namespace "$namespace" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
  echo "namespace $namespace exists"
else
  temporal operator namespace create --namespace "$namespace" --retention 720h \
    --address "$TEMPORAL_ADDRESS"
fi
