"""The provider's published JSON Schema for webhook events (trimmed to what we consume)."""

EVENT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "object", "type", "api_version", "created", "data", "livemode", "pending_webhooks", "request"],
    "properties": {
        "id": {"type": "string", "pattern": "^evt_"},
        "object": {"const": "event"},
        "type": {"type": "string"},
        "api_version": {"type": "string", "pattern": "^20(2[3-9])-"},
        "created": {"type": "integer"},
        "livemode": {"type": "boolean"},
        "pending_webhooks": {"type": "integer"},
        "request": {"type": ["object", "null"]},
        "data": {
            "type": "object",
            "required": ["object"],
            "properties": {
                "object": {
                    "type": "object",
                    "required": ["id", "object", "amount_refunded", "refunded", "currency"],
                    "properties": {"amount_refunded": {"type": "integer"}, "currency": {"type": "string", "minLength": 3}},
                }
            },
        },
    },
}

ORDER_FORM_SCHEMA = {
    "type": "object",
    "required": ["email", "quantity"],
    "properties": {"email": {"type": "string", "format": "email"}, "quantity": {"type": "integer", "minimum": 1}},
}
