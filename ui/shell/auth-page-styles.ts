import { css } from 'lit';

/** The centred card the setup and login pages share. */
export const authPageStyles = css`
  :host {
    display: grid;
    place-items: center;
    min-height: 100%;
    background: var(--wb-sidebar-bg, #f3f3f3);
  }
  form {
    background: var(--wb-bg, #fff);
    border: 1px solid var(--wb-border, #c8c8c8);
    border-radius: 10px;
    padding: 28px 32px;
    width: min(400px, 92vw);
    display: grid;
    gap: 14px;
    box-shadow: 0 8px 30px rgb(0 0 0 / 0.08);
  }
  h1 {
    font-size: 20px;
    margin: 0;
  }
  p {
    margin: 0;
  }
  label {
    display: grid;
    gap: 4px;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .top {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
  }
  .error {
    min-height: 1.2em;
    white-space: pre-line;
  }
  button.primary {
    min-height: 34px;
  }
`;
