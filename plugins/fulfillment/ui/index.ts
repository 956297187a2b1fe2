// The fulfillment plugin's panels; each file defines one custom element.
