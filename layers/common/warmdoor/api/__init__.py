"""HTTP concerns shared by the API function: problems, the OpenAPI document, request plumbing."""
