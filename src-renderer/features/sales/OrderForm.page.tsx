import { useNavigate } from 'react-router-dom';
import { OrderEditor } from './components/OrderEditor';

/** 新建销售订单: saved as a draft, then submitted from the order. */
export function OrderFormPage() {
  const navigate = useNavigate();
  return <OrderEditor onSaved={(order) => navigate(`/orders/${order.id}`)} onDiscard={() => navigate('/orders')} />;
}
