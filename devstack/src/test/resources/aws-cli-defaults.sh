#!/usr/bin/env bash
# The AWS CLI at its default settings against an S3 endpoint, bucket rll: upload, download, list,
# a ranged read with checksums asked for, and a 20 MiB file that the CLI sends in multipart parts.
# Usage: aws-cli-defaults.sh <endpoint> <work dir>. Prints "round trip ok" when every copy is equal.
set -euo pipefail
endpoint=$1
work=$2
unset AWS_RESPONSE_CHECKSUM_VALIDATION AWS_REQUEST_CHECKSUM_CALCULATION AWS_PROFILE
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export AWS_ACCESS_KEY_ID=dev AWS_SECRET_ACCESS_KEY=dev AWS_DEFAULT_REGION=us-east-1
s3() { aws --endpoint-url "$endpoint" "$@"; }

repeat() { { yes "$1" || true; } | head -c "$2"; }   # yes ends on SIGPIPE, which is expected
repeat "an ONNX model" 4096 > "$work/model.onnx"
repeat "a checkpoint shard" $((20 * 1024 * 1024)) > "$work/big.bin"

s3 s3 cp "$work/model.onnx" s3://rll/runs/r1/model.onnx
s3 s3 cp s3://rll/runs/r1/model.onnx "$work/model-back.onnx"
cmp "$work/model.onnx" "$work/model-back.onnx"

s3 s3 cp "$work/big.bin" s3://rll/runs/r1/big.bin
s3 s3 cp s3://rll/runs/r1/big.bin "$work/big-back.bin"
cmp "$work/big.bin" "$work/big-back.bin"

s3 s3 ls s3://rll/runs/r1/ | grep -q " model.onnx$"
s3 s3api get-object --bucket rll --key runs/r1/model.onnx --range bytes=0-99 \
  --checksum-mode ENABLED "$work/range" > /dev/null
test "$(head -c 100 "$work/model.onnx" | cmp - "$work/range" && echo same)" = same
echo "round trip ok"
