#!/bin/sh
# One-shot (amazon/aws-cli): creates the artifact bucket once the S3 endpoint answers.
set -eu
. /scripts/retry.sh

retry "S3 at $RLL_S3_ENDPOINT" aws --endpoint-url "$RLL_S3_ENDPOINT" s3api list-buckets

if aws --endpoint-url "$RLL_S3_ENDPOINT" s3api head-bucket --bucket "$RLL_S3_BUCKET" 2>/dev/null; then
  echo "bucket $RLL_S3_BUCKET exists"
else
  aws --endpoint-url "$RLL_S3_ENDPOINT" s3api create-bucket --bucket "$RLL_S3_BUCKET"
fi
