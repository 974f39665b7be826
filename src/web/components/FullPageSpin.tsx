import { Flex, Spin } from 'antd';

/** Shown while the session or a page's code is loading. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}
