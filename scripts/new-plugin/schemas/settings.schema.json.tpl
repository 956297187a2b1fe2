{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "备忘设置",
  "type": "object",
  "properties": {
    "maxLength": { "title": "备忘最长字数", "description": "Longest note, in characters", "type": "integer", "minimum": 10, "maximum": 2000, "default": 200 }
  },
  "additionalProperties": false
}
