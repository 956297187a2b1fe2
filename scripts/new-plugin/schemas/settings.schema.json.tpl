{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "备忘设置",
  "x-title": { "zh-CN": "备忘设置", "en": "Notes settings" },
  "type": "object",
  "properties": {
    "maxLength": { "x-title": { "zh-CN": "备忘最长字数", "en": "Longest note, in characters" }, "type": "integer", "minimum": 10, "maximum": 2000, "default": 200 }
  },
  "additionalProperties": false
}
