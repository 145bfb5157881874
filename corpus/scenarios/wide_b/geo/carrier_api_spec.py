"""The carrier partner's published OpenAPI document (trimmed to the operations we call)."""

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Carrier Tracking API", "version": "4.2.0"},
    "servers": [{"url": "https://api.carrier.example/v4"}],
    "paths": {
        "/shipments/{tracking_number}": {
            "get": {
                "parameters": [{"name": "tracking_number", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "shipment",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["tracking_number", "status", "events"],
                                    "properties": {
                                        "tracking_number": {"type": "string"},
                                        "status": {"type": "string", "enum": ["LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "EXCEPTION"]},
                                        "estimated_delivery": {"type": ["string", "null"], "format": "date"},
                                        "events": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "required": ["timestamp", "code"],
                                                "properties": {"timestamp": {"type": "string", "format": "date-time"}, "code": {"type": "string"}, "location": {"type": "string"}},
                                            },
                                        },
                                    },
                                }
                            }
                        },
                    },
                    "404": {"description": "unknown tracking number"},
                },
            }
        },
        "/shipments": {
            "post": {
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}},
                "responses": {
                    "201": {
                        "description": "created",
                        "content": {"application/json": {"schema": {"type": "object", "required": ["tracking_number", "label_url"], "properties": {"tracking_number": {"type": "string"}, "label_url": {"type": "string", "format": "uri"}}}}},
                    }
                },
            }
        },
    },
}
